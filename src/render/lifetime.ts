/**
 * A credential's lifetime (a JWT's `exp - iat`, in seconds) in the unit a reader counts it in,
 * as numbers and flags: the templates and OpenAPI descriptions say the unit's word.
 */

export interface Lifetime {
  min: number;
  max: number;
  /** `min` and `max` differ. */
  range: boolean;
  unit: { days: boolean; hours: boolean; minutes: boolean; seconds: boolean };
}

/** Seconds in the largest unit both ends are whole in: `2 h`, `15 min`, `30 days`, else seconds. */
export function lifetimeView(lifetime: { min: number; max: number }): Lifetime {
  const whole = (unit: number) => lifetime.min >= unit && lifetime.min % unit === 0 && lifetime.max % unit === 0;
  const size = whole(86_400) ? 86_400 : whole(3600) ? 3600 : whole(60) ? 60 : 1;
  return {
    min: lifetime.min / size,
    max: lifetime.max / size,
    range: lifetime.min !== lifetime.max,
    unit: { days: size === 86_400, hours: size === 3600, minutes: size === 60, seconds: size === 1 },
  };
}
