import { promises as fs } from 'node:fs';
import { watch, type FSWatcher } from 'chokidar';

/** Where Linux desktops mount cards: /media/<user>/<label> (udisks2 on Debian, Ubuntu), /run/media/<user>/<label> (Fedora, Arch). */
export const linuxMediaRoots = ['/media', '/run/media'] as const;

const isDirectory = (path: string): Promise<boolean> => fs.stat(path).then((stats) => stats.isDirectory(), () => false);

/**
 * A fast trigger for the mount-table adapter: the desktop creates the mount folder just before it
 * mounts there, so a new folder under a media root means "look at the mount table now". The mount
 * itself makes no file event, which is why this is only ever a trigger, never the answer.
 */
export class MountFolderWatch {
  private watcher: FSWatcher | null = null;
  private readonly watched = new Set<string>();
  private closed = false;

  constructor(
    private readonly roots: readonly string[],
    private readonly onChange: () => void,
  ) {}

  /** Watches every root that exists now. A folder that does not exist cannot be watched: call again later to pick it up. */
  async refresh(): Promise<void> {
    for (const root of this.roots) {
      if (this.closed || this.watched.has(root) || !(await isDirectory(root))) continue;
      // Closed while looking: a watcher opened now would never be closed and keep the process alive.
      if (this.closed) return;
      this.watched.add(root);
      if (this.watcher === null) this.watcher = this.open(root);
      else this.watcher.add(root);
    }
  }

  private open(root: string): FSWatcher {
    // Depth 1 reaches /media/<user>/<label>; deeper would walk into the cards themselves.
    const watcher = watch(root, { depth: 1, ignoreInitial: true, followSymlinks: false, ignorePermissionErrors: true });
    const changed = () => {
      if (!this.closed) this.onChange();
    };
    watcher.on('addDir', changed);
    watcher.on('unlinkDir', changed);
    // The polling of the mount table still sees everything; a failing trigger only makes detection slower.
    watcher.on('error', () => undefined);
    return watcher;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.watcher?.close();
    this.watcher = null;
  }
}
