// The archive on disk: bag layout, streaming copy, read-back past the cache (of files, and of burned discs), free space. No index.
export { readBagAuditHead, readManifest, startBag, writeBagTags, type BagEntry, type BagInfo } from './bag.js';
export { syncDirectory, writeFileDurably } from './durable-fs.js';
export { availableBytes, DiskFullError, isNoSpace } from './free-space.js';
export { archiveFolder, archivedFilePath, ingestArchiveDir, partialSuffix, toAbsolute, toStored } from './layout.js';
export { createReadBackBuffers, hashFromDisk, openDiskReader, type ByteRange, type DiskReader, type ReadBack, type ReadBackBuffers } from './read-back.js';
export { openSourceReadOnly } from './source-file.js';
export { createCopyBuffers, hashSource, streamCopy, type CopyBuffers, type StreamCopyResult } from './stream-copy.js';
export { checkTagManifest, sha256Of, tagManifestName, writeTagManifest, type TagProblem } from './tag-manifest.js';
export { filesUnder } from './walk-files.js';
