#!/bin/bash
# A Slurm job array of `lab worker` processes: each array task is one worker on one node,
# using every CPU Slurm gives it. Submit with:  sbatch docs/slurm-workers.sh
# See docs/cluster-workers.md for what each line is for.
#SBATCH --job-name=lab-workers
#SBATCH --array=0-15              # 16 workers; change to taste
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=32        # threads per worker
#SBATCH --time=24:00:00
#SBATCH --signal=B:TERM@120       # SIGTERM 2 minutes before the limit: finish the chunks in hand
#SBATCH --output=lab-worker-%A_%a.log

set -euo pipefail
# The Redis password lives in a file only you can read, never in this script or the logs.
REDIS_URL="redis://:$(cat "$HOME/.lab-redis-password")@queue-host.cluster:6379"

cd "$HOME/heavy-tail-sgd-lab"     # a checkout built once: npm ci && npm run build
# `exec` so Slurm's SIGTERM reaches the worker itself.
exec node out/node/lab.js worker --redis "$REDIS_URL" --workers "${SLURM_CPUS_PER_TASK}"
