/* The floor for TCP echo: accept4, one thread per connection, recv,
 * upper-case, send. Nothing else. Usage: real_tcp_echo_floor PORT */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

static void* serve(void* arg) {
  int fd = (int)(intptr_t)arg;
  char buffer[16384];
  for (;;) {
    ssize_t got = recv(fd, buffer, sizeof buffer, 0);
    if (got <= 0) break;
    for (ssize_t i = 0; i < got; ++i) {
      if (buffer[i] >= 'a' && buffer[i] <= 'z') buffer[i] = (char)(buffer[i] - 32);
    }
    for (ssize_t sent = 0; sent < got;) {
      ssize_t n = send(fd, buffer + sent, (size_t)(got - sent), MSG_NOSIGNAL);
      if (n <= 0) goto done;
      sent += n;
    }
  }
done:
  close(fd);
  return NULL;
}

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  int listener = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int on = 1;
  setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(argv[1]))};
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(listener, (struct sockaddr*)&address, sizeof address) != 0 || listen(listener, 128) != 0) {
    perror("bind");
    return 1;
  }
  printf("listening %s\n", argv[1]);
  fflush(stdout);
  for (;;) {
    int fd = accept4(listener, NULL, NULL, SOCK_CLOEXEC);
    if (fd < 0) continue;
    pthread_t thread;
    if (pthread_create(&thread, NULL, serve, (void*)(intptr_t)fd) == 0) pthread_detach(thread);
  }
}
