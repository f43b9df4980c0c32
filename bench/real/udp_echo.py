"""Python's reference for UDP echo: socketserver.ThreadingUDPServer (a thread
per datagram) with the source material's handler. Usage: udp_echo.py PORT"""
import socketserver
import sys


class UpperHandler(socketserver.BaseRequestHandler):
    def handle(self):
        data, sock = self.request
        sock.sendto(data.upper(), self.client_address)


server = socketserver.ThreadingUDPServer(("127.0.0.1", int(sys.argv[1])), UpperHandler)
print("listening", sys.argv[1], flush=True)
server.serve_forever()
