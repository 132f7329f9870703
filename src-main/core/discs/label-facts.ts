import type { StationServices } from '../services.js';
import type { DiscLabelFacts } from './disc-label.js';
import type { DiscRequestRow, DiscRow } from './disc-store.js';

/**
 * What a disc's label says (Art. 16: unit, producer, time, case name and number). Inside the image
 * the hash is unknown (an image cannot hold its own hash); the printed label has it once built.
 */
export function labelFacts(services: StationServices, disc: DiscRow, request: DiscRequestRow, inImage = false): DiscLabelFacts {
  return {
    unitName: services.settings().unitName || services.stationName,
    producer: disc.planned_by,
    madeAt: services.iso(disc.planned_at),
    zone: services.zone,
    caseName: request.case_name,
    caseNumber: request.case_number,
    reason: request.reason,
    discId: disc.id,
    volumeId: disc.volume_id,
    index: disc.idx,
    of: disc.of,
    media: disc.media,
    files: disc.files,
    bytes: disc.bytes,
    imageSha256: inImage ? null : disc.image_sha256,
    imageBytes: inImage ? null : disc.image_bytes,
  };
}
