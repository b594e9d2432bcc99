/** Wrong command line (unknown option, missing argument): exit status 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly help?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The config file cannot be used (missing, unreadable, not JSON): exit status 2. */
export class ConfigFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigFileError';
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_INVALID = 2;
/** 128 + SIGINT, the shell's convention for "stopped by Ctrl-C". */
export const EXIT_INTERRUPTED = 130;
