import type { Socket } from 'node:net';
import { Connection } from './connection';
import type { ConnectionOptions, WireConnection } from './options';

/**
 * Runs the protocol on one accepted socket: startup, authentication, then queries through the
 * QueryHandler that options.createHandler returns. Never throws; `closed` resolves when the
 * connection is gone and the handler has been closed.
 */
export function serveConnection(socket: Socket, options: ConnectionOptions): WireConnection {
  return new Connection(socket, options);
}
