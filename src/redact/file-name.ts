/**
 * File names: a multipart part's `filename`, a media type's `name=` parameter. A file name can
 * name a person (`Passport_Jane_Doe.pdf`) and no rule can tell, so the name is replaced and only
 * the extension, which documents the type, is kept: `<file-name:1>.pdf`.
 */
import type { Scope } from './scope.js';

export function redactFileName(fileName: string, scope: Scope): string {
  if (fileName === '' || scope.tags.issued(fileName)) return fileName;
  const dot = fileName.lastIndexOf('.');
  const extension = dot > 0 && /^\.[A-Za-z0-9]{1,8}$/.test(fileName.slice(dot)) ? fileName.slice(dot) : '';
  return `${scope.tags.tag('file-name', fileName, scope.place)}${extension}`;
}
