/** What a media path names after its prefix: `<id>` the recording itself, `<id>/thumbnail` its frame for the list. */
export function mediaTarget(rest: string): { id: number; thumbnail: boolean } | null {
  const match = /^(\d{1,15})(\/thumbnail)?$/.exec(rest);
  return match ? { id: Number(match[1]), thumbnail: match[2] !== undefined } : null;
}
