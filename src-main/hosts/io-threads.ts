/**
 * Every file-system call of the station runs on libuv's one pool of threads, four by default. A rack
 * of cards filled four: each card keeps a read and a write in flight, a card at 25 MB/s holds a
 * thread 40 ms per read, and every step of a file's verification (its fsyncs last up to 100 ms)
 * queued behind them. Stage 2 of an 80 MiB file took a second instead of 0.2, the verifications fell
 * behind the cards, and eight cards at 25 MB/s ingested in 15.5 s instead of 13.4.
 *
 * Sized for the most the station does at once: 16 cards (the upper bound of `maxConcurrentIngests`,
 * and of the disk gate's slots), each with a read, a write and a verification in flight, and four
 * for everything else. An idle thread costs a little memory, not CPU.
 *
 * libuv creates the pool once, at its first use, from this variable, so each host imports this
 * module before anything else, and it imports nothing. An administrator's own setting is kept. In
 * the bundled command line (out/cli) a chunk the entry imports is evaluated before this: harmless
 * while no module does I/O as it loads; tests/integration/cli/io-threads.test.ts counts the pool's
 * threads in the built command.
 */
const ioThreads = 16 * 3 + 4;

process.env.UV_THREADPOOL_SIZE ??= String(ioThreads);
