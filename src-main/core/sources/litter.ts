/** Folders and files an operating system leaves on removable media; never evidence. */
const litterNames = new Set([
  'system volume information',
  '$recycle.bin',
  '.trashes',
  '.spotlight-v100',
  '.fseventsd',
  '.ds_store',
  'thumbs.db',
]);

export const isOperatingSystemLitter = (name: string): boolean =>
  litterNames.has(name.toLowerCase()) || name.startsWith('._');
