/* The floor for UDP echo: one thread, recvfrom, upper-case, sendto.
 * Usage: real_udp_echo_floor PORT */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  int fd = socket(AF_INET, SOCK_DGRAM, 0);
  struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(argv[1]))};
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(fd, (struct sockaddr*)&address, sizeof address) != 0) {
    perror("bind");
    return 1;
  }
  printf("listening %s\n", argv[1]);
  fflush(stdout);
  char buffer[65536];
  for (;;) {
    struct sockaddr_in client;
    socklen_t length = sizeof client;
    ssize_t got = recvfrom(fd, buffer, sizeof buffer, 0, (struct sockaddr*)&client, &length);
    if (got < 0) continue;
    for (ssize_t i = 0; i < got; ++i) {
      if (buffer[i] >= 'a' && buffer[i] <= 'z') buffer[i] = (char)(buffer[i] - 32);
    }
    sendto(fd, buffer, (size_t)got, 0, (struct sockaddr*)&client, length);
  }
}
