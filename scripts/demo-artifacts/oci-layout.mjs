// Placeholder until the OCI layout generator lands (issue 3): writes nothing.
export async function buildOciLayout() {}
