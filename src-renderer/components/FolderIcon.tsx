/** A folder drawn inline: Debian ships no colour emoji font, where 📁 showed as an empty box. */
export function FolderIcon() {
  return (
    <svg className="folder-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M1.5 3.5h4.2l1.5 1.6h7.3v7.9H1.5z" fill="#f2c14e" stroke="#b8860b" strokeWidth="1" strokeLinejoin="round" />
    </svg>
  );
}
