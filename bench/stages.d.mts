// Types for the test of bench/stages.mjs (the benchmark itself is plain JavaScript).
export function stageOf(url: string, functionName: string): string | null;
export interface CpuProfile {
  nodes: { id: number; callFrame: { url: string; functionName: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}
export function stagesOfProfile(profile: CpuProfile): { stages: Record<string, number>; totalMs: number };
export function profileStages(file: string): { stages: Record<string, number>; totalMs: number };
