/*
 * The plain C reference for `lab bench`: the clipped SGD recursion of the model,
 * X <- phi(X - phi(eta (f'(X) - Z), b), L), with Pareto noise drawn the textbook way
 * (W = U^(-1/alpha) - 1 via glibc pow, xoshiro256** for U), on the paper landscape at
 * eta = 0.001, b = 0.5, restarting at x0 = -0.7 whenever X leaves Omega_2 = (-1.3, 0.2).
 * Usage: reference ITERATIONS REPETITIONS; prints one line per repetition: CPU ns per iteration.
 * Compiled by the bench with `gcc -O3` (no -ffast-math: the same IEEE arithmetic as ours).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static uint64_t s[4];

static inline uint64_t rotl(const uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

/* xoshiro256** 1.0, Blackman and Vigna (https://prng.di.unimi.it/xoshiro256starstar.c). */
static inline uint64_t next(void) {
  const uint64_t result = rotl(s[1] * 5, 7) * 9;
  const uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 45);
  return result;
}

static const double c[7] = {-1.51, -1.3, -0.66, 0.2, 0.49, 0.7, 1.32};

static inline double fprime(double x) {
  double p = 3.0;
  for (int k = 0; k < 7; k++) p *= x - c[k];
  return p;
}

int main(int argc, char **argv) {
  long iterations = argc > 1 ? atol(argv[1]) : 20000000L;
  int repetitions = argc > 2 ? atoi(argv[2]) : 5;
  const double eta = 0.001, b = 0.5, L = 1.6, alpha = 1.2, scale = 0.1, x0 = -0.7;
  const double left = -1.3, right = 0.2;
  uint64_t seed = 0x9E3779B97F4A7C15ULL;
  for (int k = 0; k < 4; k++) {
    seed += 0x9E3779B97F4A7C15ULL;
    uint64_t z = seed;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    s[k] = z ^ (z >> 31);
  }
  double checksum = 0;
  for (int r = 0; r < repetitions; r++) {
    struct timespec t0, t1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
    double x = x0;
    long exits = 0;
    for (long n = 0; n < iterations; n++) {
      double u = 1.0 - (next() >> 11) * 0x1.0p-53;          /* U in (0, 1] */
      double w = pow(u, -1.0 / alpha) - 1.0;                 /* W ~ Lomax(alpha) */
      double z = scale * ((next() >> 63) ? w : -w);          /* p+ = 1/2: no shift */
      double step = eta * (fprime(x) - z);
      step = step > b ? b : (step < -b ? -b : step);
      x = x - step;
      x = x > L ? L : (x < -L ? -L : x);
      if (!(x > left && x < right)) { exits++; x = x0; }
    }
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
    double ns = (t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec);
    checksum += x + exits;
    printf("%.4f\n", ns / iterations);
  }
  fprintf(stderr, "checksum %g\n", checksum);
  return 0;
}
