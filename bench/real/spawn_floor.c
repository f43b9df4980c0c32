/* The floor for starting and joining a command: posix_spawn + waitpid.
 * Prints the mean time per child in ms. Usage: real_spawn_floor COUNT PROGRAM */
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char** environ;

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  int count = atoi(argv[1]);
  char* child_argv[] = {argv[2], NULL};
  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  for (int i = 0; i < count; ++i) {
    pid_t pid;
    if (posix_spawn(&pid, argv[2], NULL, NULL, child_argv, environ) != 0) return 1;
    if (waitpid(pid, NULL, 0) != pid) return 1;
  }
  clock_gettime(CLOCK_MONOTONIC, &end);
  double ms = ((double)(end.tv_sec - start.tv_sec) * 1e3 + (double)(end.tv_nsec - start.tv_nsec) / 1e6) / count;
  printf("%.4f\n", ms);
  return 0;
}
