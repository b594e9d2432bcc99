/** Usage text, one per command (`lab COMMAND --help`). */
export const commandHelp = {
  theory: `lab theory --config FILE [--eta E] [--json]
       lab theory --config FILE --landscape-map [--nodes 65|129|257]

The paper's theory (Section 2) for a config's landscape and arms: fields Ω_i, r_i, l*_i,
exit-time exponents β_i, the typical transition graph, its communicating classes,
irreducibility, symmetry, the large fields of each class (l*_i the largest in its class) and,
when the graph is irreducible, M^large. With --eta, also q_i, q_ij (for every l*, with their
numerical errors: qError, qToError in JSON; "exact" for closed forms) and the predicted mean
first exit time 1/(q_i λ_i(η)). Field indices are 1-based, as in the paper.

  --config FILE   experiment config JSON (see README: config format)
  --eta E         learning rate η > 0 for the limit constants
  --json          print one JSON document on stdout
  --landscape-map for a 2-D config: print its landscape as the contour views draw it (JSON:
                  f and the basin per node of a grid, minima, saddles, radii; see README)
  --nodes N       the grid of --landscape-map: 65, 129 (default) or 257 nodes per side`,
  run: `lab run --config FILE --db PATH [--workers N | --redis URL] [--memory-budget MB] [--json]

Validate the config, store it as a new run in the SQLite database PATH (created if
missing) and execute it on N worker threads (default: one per core). Progress goes to
stderr. Every finished chunk is committed: Ctrl-C leaves the run interrupted, and
\`lab resume ID --db PATH\` finishes it with the same numbers.

  --config FILE   experiment config JSON
  --db PATH       SQLite database file
  --workers N     worker threads (whole number ≥ 1)
  --redis URL     run the chunks on \`lab worker\` processes through the BullMQ queue at
                  redis[s]://[user:password@]host[:port][/db]; this process still owns the run
  --memory-budget MB
                  memory the run may hold (default 1024, or LAB_MEMORY_BUDGET_MB); a
                  config over it is refused with exit 2, naming the field to change
  --json          print the stored run (as \`lab show --json\`) on stdout

Exit status: 0 completed, 2 invalid config or usage (nothing stored), 1 failed or
cancelled, 130 interrupted by Ctrl-C.`,
  show: `lab show ID --db PATH [--json]

One run: its config, status, timings and result tables (partial aggregates while it runs
or after it was interrupted or cancelled). The database must exist (it is never created) and
may be read-only.

  --db PATH       SQLite database file
  --json          { id, name, kind, status, config, createdAt, startedAt, finishedAt,
                    error, result, tags, notes, progress }`,
  list: `lab list --db PATH [--status S] [--kind K] [--tag T] [--text Q] [--sort KEY]
         [--order asc|desc] [--limit N] [--offset N] [--json]

The stored runs, newest first. A run whose process died is shown as interrupted. The
database must exist (it is never created) and may be read-only.

  --status S      queued | running | completed | failed | cancelled | interrupted
  --kind K        exit-time | long-run
  --tag T         runs carrying a tag that starts with T (any case)
  --text Q        name, notes, arm labels, tags or #id containing Q
  --sort KEY      createdAt (default) | name | status | kind | duration
  --order O       desc (default) | asc
  --limit N       page size (default 50, at most 1000)
  --offset N      skip N runs
  --json          { runs: [...], total }`,
  resume: `lab resume ID --db PATH [--workers N | --redis URL] [--json]

Continue an interrupted, cancelled or failed run from its committed chunks and wait for it
to finish. The result equals that of an uninterrupted run. A run that ran on a queue needs
--redis again (the URL is not stored).

  --db PATH       SQLite database file
  --workers N     worker threads
  --redis URL     run the remaining chunks on the queue's workers
  --json          print the run (as \`lab show --json\`) on stdout`,
  cancel: `lab cancel ID --db PATH [--json]

Stop a run, also one executing in another process (the request is recorded in the
database; the owner honours it within about a second). Committed chunks are kept, so a
cancelled run can still be resumed.

  --db PATH       SQLite database file
  --json          print the run summary on stdout`,
  export: `lab export ID --db PATH --format csv|json [--out FILE]

Write a run's result. json: the \`lab show --json\` document. csv: a tidy table —
exit-time: arm,eta,sample,exit_time,censored,exit_to (one row per sample);
long-run: arm,quantity,field,to_field,bin_lower,bin_upper,path,step,value with quantity
one of occupancy, histogram, transitions, sojourn_count, sojourn_mean, sojourn_stderr,
trajectory, iterations (columns that do not apply are empty).

  --db PATH       SQLite database file
  --format F      csv | json
  --out FILE      write to FILE instead of stdout`,
  worker: `lab worker --redis URL [--workers N]

Serve chunk jobs from the BullMQ queue at URL (redis[s]://[user:password@]host[:port][/db])
on N threads (default: one per core) until SIGTERM or Ctrl-C, which finish the chunks in hand
and exit (a second signal hands them back to the queue). Logs each chunk it runs.

  --redis URL     the queue's Redis; never expose Redis without a password
  --workers N     threads (whole number ≥ 1)`,
  bench: `lab bench [--json]
lab bench --history [--json]
lab bench --sweep [--samples N] [--json]

Benchmarks: nanoseconds per iteration of each kernel variant in both implementations
(JavaScript and WebAssembly SIMD, side by side; the WebAssembly speedup; long-run on WebAssembly
also with 2 and 4 paths per chunk), against a plain C loop when gcc exists, and the speedup of 2
worker threads over 1 on a CPU-bound run. Timings depend on the machine and its load. Runs use
WebAssembly where it is available; LAB_KERNELS=js|wasm|auto chooses (for any command).
With --history instead: builds a temporary database of 1,000 runs (20 of them with 20 MB of
trajectories each) and times listRuns, the run detail, a trajectory window and a whole getRun,
then listRuns through the HTTP door while that getRun is served (read on the server's thread,
on a reader thread, and with no getRun as a control).
With --sweep instead: a 100-cell exit-time sweep over the clip b (b from 0.40 to 0.60, η = 0.03
and 0.01, 50 samples a cell) against one run of one arm with 5,000 samples at the same η and
seed, alternating, 3 rounds; reports wall seconds per iteration of each and their ratio.

  --json          print one JSON document on stdout
  --samples N     with --sweep: samples a cell (default 50; the one arm has 100 times as many)`,
} as const;

export type CommandName = keyof typeof commandHelp;

export const mainHelp = `lab — the Heavy-Tail SGD Lab from the command line

Usage: npm run -s lab -- COMMAND [options]     (or: node out/node/lab.js COMMAND …)

Commands:
  theory   the theory's predictions for a config
  run      run an experiment and store it
  show     one stored run with its results
  list     the stored runs
  resume   finish an interrupted run
  cancel   stop a run (from any process)
  export   a run as CSV or JSON
  worker   serve a Redis queue's chunks to runs on other machines
  bench    kernel and worker-pool benchmarks

\`lab COMMAND --help\` describes each. --json prints one JSON document on stdout; progress
and logs go to stderr. Exit status: 0 ok, 2 invalid config or usage, 1 other failures.`;
