/*
 * The plain C reference of the 2-D kernel for `lab bench`: the clipped SGD step of the model,
 * v = eta (grad f(X) - Z), v <- v min(1, b/|v|), X <- X - v projected onto [-L, L]^2, on the
 * wide-and-sharp wells f(x) = (c/2)|x|^2 - sum_k a_k exp(-|x - mu_k|^2 / (2 w_k^2)) with libm exp
 * per well per step, restarting at x0 whenever X leaves the basin of x0, looked up on the same
 * basin map as the kernel (the nearest node's label, read from a file the bench writes).
 * Long-run (KIND 1): the same walk never restarted, each iterate counted in a BINS x BINS
 * histogram over [-L, L]^2 and in its basin's count (doubles, as the lab's kernels count).
 * Noise drawn the textbook way, by inversion: W = U^(-1/alpha) - 1 (glibc pow), xoshiro256** for U;
 *   mode 0, isotropic Pareto: Z = scale W (cos t, sin t), t = 2 pi U' (libm cos, sin);
 *   mode 1, Pareto on the axes: each coordinate scale (+-W);
 *   mode 2, Gaussian: sigma N(0, I) by Box-Muller (log, sqrt, cos, sin).
 * Usage: reference2d MAPFILE ITERATIONS REPETITIONS MODE CLIP SCALE [KIND BINS] (CLIP <= 0:
 * unclipped; SCALE is the Pareto scale or the Gaussian sigma; KIND 0 exit-time, the default, or
 * 1 long-run; BINS per axis, default 100). MAPFILE: int32 n, then doubles L, eta, alpha, x0, y0,
 * then n*n int32 labels.
 * Prints one line per repetition: CPU ns per iteration. Compiled by the bench with gcc -O3.
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

/* U in (0, 1] */
static inline double uniform(void) { return 1.0 - (next() >> 11) * 0x1.0p-53; }

/* wide-and-sharp: confinement, centres, depths, widths */
static const double conf = 0.5;
static const double mx[3] = {-0.8, 0.9, 1.0}, my[3] = {-0.2, 0.8, -0.8};
static const double depth[3] = {1.0, 1.3, 0.8}, width[3] = {0.6, 0.15, 0.2};

int main(int argc, char **argv) {
  if (argc < 7) return 2;
  FILE *f = fopen(argv[1], "rb");
  if (!f) return 2;
  int32_t n;
  double hdr[5];
  if (fread(&n, 4, 1, f) != 1 || fread(hdr, 8, 5, f) != 5) return 2;
  int32_t *labels = malloc(sizeof(int32_t) * n * n);
  if (fread(labels, 4, (size_t)n * n, f) != (size_t)n * n) return 2;
  fclose(f);
  const double L = hdr[0], eta = hdr[1], alpha = hdr[2], x0 = hdr[3], y0 = hdr[4];
  const double h = 2 * L / (n - 1);
  long iterations = atol(argv[2]);
  int repetitions = atoi(argv[3]);
  int mode = atoi(argv[4]);
  double b = atof(argv[5]);
  if (b <= 0) b = INFINITY;
  const double scale = atof(argv[6]);
  const int longRun = argc > 7 && atoi(argv[7]) == 1;
  const int bins = argc > 8 ? atoi(argv[8]) : 100;
  if (bins < 1) return 2;
  const double binScale = bins / (2 * L);
  double *hist = calloc((size_t)bins * bins, sizeof(double));
  double basinCount[256] = {0};
  double inv2[3], aw[3];
  for (int k = 0; k < 3; k++) {
    inv2[k] = 1.0 / (width[k] * width[k]);
    aw[k] = depth[k] * inv2[k];
  }
  uint64_t seed = 0x9E3779B97F4A7C15ULL;
  for (int k = 0; k < 4; k++) {
    seed += 0x9E3779B97F4A7C15ULL;
    uint64_t z = seed;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    s[k] = z ^ (z >> 31);
  }
  const int home = labels[(int)floor((y0 + L) / h + 0.5) * n + (int)floor((x0 + L) / h + 0.5)];
  double checksum = 0;
  for (int r = 0; r < repetitions; r++) {
    struct timespec t0, t1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
    double x = x0, y = y0;
    long exits = 0;
    for (long it = 0; it < iterations; it++) {
      double zx, zy;
      if (mode == 0) {
        double w = scale * (pow(uniform(), -1.0 / alpha) - 1.0);
        double t = 2 * M_PI * uniform();
        zx = w * cos(t);
        zy = w * sin(t);
      } else if (mode == 1) {
        zx = scale * (pow(uniform(), -1.0 / alpha) - 1.0) * ((next() >> 63) ? 1 : -1);
        zy = scale * (pow(uniform(), -1.0 / alpha) - 1.0) * ((next() >> 63) ? 1 : -1);
      } else {
        double rho = scale * sqrt(-2 * log(uniform()));
        double t = 2 * M_PI * uniform();
        zx = rho * cos(t);
        zy = rho * sin(t);
      }
      double gx = conf * x, gy = conf * y;
      for (int k = 0; k < 3; k++) {
        double dx = x - mx[k], dy = y - my[k];
        double e = aw[k] * exp(-0.5 * (dx * dx + dy * dy) * inv2[k]);
        gx += e * dx;
        gy += e * dy;
      }
      double vx = eta * (gx - zx), vy = eta * (gy - zy);
      double v2 = vx * vx + vy * vy;
      if (v2 > b * b) {
        double c = b / sqrt(v2);
        vx *= c;
        vy *= c;
      }
      x -= vx;
      y -= vy;
      x = x > L ? L : (x < -L ? -L : x);
      y = y > L ? L : (y < -L ? -L : y);
      int i = (int)floor((x + L) / h + 0.5), j = (int)floor((y + L) / h + 0.5);
      int label = labels[(j < n ? j : n - 1) * n + (i < n ? i : n - 1)];
      if (longRun) {
        int bx = (int)floor((x + L) * binScale), by = (int)floor((y + L) * binScale);
        hist[(bx < bins ? bx : bins - 1) * bins + (by < bins ? by : bins - 1)] += 1;
        basinCount[label & 255] += 1;
      } else if (label != home) {
        exits++;
        x = x0;
        y = y0;
      }
    }
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
    double ns = (t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec);
    checksum += x + y + exits + hist[(size_t)bins * bins / 2] + basinCount[home & 255];
    printf("%.4f\n", ns / iterations);
  }
  fprintf(stderr, "checksum %g\n", checksum);
  free(labels);
  free(hist);
  return 0;
}
