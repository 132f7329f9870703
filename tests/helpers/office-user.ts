/**
 * A command as an office user runs it. Root reads any file whatever its mode; an office user does
 * not. Run as root, the command starts without the capabilities that let it (setpriv drops them
 * from its bounding set), so a mode the OS refuses is refused; otherwise it runs as it is.
 */
export const asOfficeUser = (command: readonly string[]): [string, ...string[]] =>
  process.getuid?.() === 0
    ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search', '--', ...command]
    : (command as [string, ...string[]]);
