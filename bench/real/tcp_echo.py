"""Python's reference for TCP echo: socketserver.ThreadingTCPServer with the
source material's handler (recv, upper, send). Usage: tcp_echo.py PORT"""
import socketserver
import sys


class UpperHandler(socketserver.BaseRequestHandler):
    def handle(self):
        while True:
            try:
                data = self.request.recv(16384)
                if not data:
                    break
                self.request.sendall(data.upper())
            except OSError:
                break


server = socketserver.ThreadingTCPServer(("127.0.0.1", int(sys.argv[1])), UpperHandler)
print("listening", sys.argv[1], flush=True)
server.serve_forever()
