import demoCatalogueText from '../../demo/portico.yaml?raw';
import { imageContentType } from './content-type';
import type { ReadAsset } from './load';

// The demo's branding images are SVG text, so every host (tests, browser demo) can bundle them.
const assets = import.meta.glob<string>('../../demo/branding/*.svg', { query: '?raw', import: 'default', eager: true });

export { demoCatalogueText };

export const readDemoAsset: ReadAsset = async (path) => {
  const text = assets[`../../demo/${path}`];
  const contentType = imageContentType(path);
  if (text === undefined || !contentType) throw new Error(`demo asset not found: ${path}`);
  return { bytes: new TextEncoder().encode(text), contentType };
};
