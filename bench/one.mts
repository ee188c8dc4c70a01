import { checkInThroughput } from './check-in-throughput';
import { installerEvents } from './installer-events';
const which = process.argv[2];
const result = which === 'events' ? await installerEvents() : await checkInThroughput();
console.log(result.details);
console.log(JSON.stringify(result.figures, null, 1));
