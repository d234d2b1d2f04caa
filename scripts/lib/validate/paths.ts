/**
 * Paths written inside records (files, workflow, figures, results) must stay inside the record
 * folder: relative, forward slashes, no `..`, no empty or `.` segments, no control characters.
 */
export function pathProblem(path: string): string | undefined {
  if (path === '') return 'is empty';
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return 'is absolute';
  if (path.includes('\\')) return 'uses backslashes';
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'contains control characters';
  const segments = path.replace(/\/$/, '').split('/');
  if (segments.includes('..')) return 'climbs out with `..`';
  if (segments.some((segment) => segment === '' || segment === '.'))
    return 'has empty or `.` segments';
  return undefined;
}

export function normalisePath(path: string): string {
  return path.replace(/\/$/, '');
}
