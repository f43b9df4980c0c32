/* The floor for starting and joining a child that exits at once: fork,
 * _exit, waitpid. Prints the mean time per child in ms.
 * Usage: real_fork_floor COUNT */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char** argv) {
  int count = argc > 1 ? atoi(argv[1]) : 1000;
  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  for (int i = 0; i < count; ++i) {
    pid_t pid = fork();
    if (pid == 0) _exit(0);
    if (pid < 0 || waitpid(pid, NULL, 0) != pid) return 1;
  }
  clock_gettime(CLOCK_MONOTONIC, &end);
  double ms = ((double)(end.tv_sec - start.tv_sec) * 1e3 + (double)(end.tv_nsec - start.tv_nsec) / 1e6) / count;
  printf("%.4f\n", ms);
  return 0;
}
