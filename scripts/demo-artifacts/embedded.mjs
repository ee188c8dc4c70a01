// Placeholder until the Embedded Cluster installer generator lands (issue 3): writes nothing.
export async function buildEmbeddedArtifacts() {}
