import type { InspectBundle, ReadBundleFile } from './inspection';
import { inspectBundle as inspect, readBundleFile as readFile } from './inspect';

/**
 * The inspector the routes and receiveBundle are built with: one streaming pass that refuses
 * hostile archives and reads the facts (./inspect), and the file viewer's reader.
 */
export const inspectBundle: InspectBundle = (body) => inspect(body);
export const readBundleFile: ReadBundleFile = (body, path, maxBytes) => readFile(body, path, maxBytes);
