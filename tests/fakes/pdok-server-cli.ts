// Runs the fake PDOK Locatieserver for browser tests: `node --import tsx tests/fakes/pdok-server-cli.ts [port]`.
import { startPdokServer } from "./pdok-server";

const port = Number(process.argv[2] ?? process.env.E2E_PDOK_PORT ?? 3211);
const server = await startPdokServer(port);
console.log(`fake PDOK listening at ${server.url}`);
const stop = () => void server.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
