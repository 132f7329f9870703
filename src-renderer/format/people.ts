/** How a recorder and an officer are named in lists, one spelling so every page reads alike. */

/** "执法记录仪 3 (DSJ-0003)", or the bare serial when the recorder has no name. */
export function deviceLabel(device: { serial: string; name: string | null }): string {
  return device.name ? `${device.name} (${device.serial})` : device.serial;
}

/** "张警官（110001）", or the bare name when the person has no officer number (a civilian clerk). */
export function officerLabel(officer: { name: string; officerNumber: string | null }): string {
  return officer.officerNumber ? `${officer.name}（${officer.officerNumber}）` : officer.name;
}
