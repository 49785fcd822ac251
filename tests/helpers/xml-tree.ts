/** Parses XML with saxes (the same streaming parser the importer uses) into a small tree, failing on anything not well-formed. */
import { SaxesParser } from 'saxes';

export type XmlNode = { name: string; attributes: Record<string, string>; text: string; children: XmlNode[] };

export function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlNode = { name: '#document', attributes: {}, text: '', children: [] };
  const stack = [root];
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.name, attributes: tag.attributes as Record<string, string>, text: '', children: [] };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (text) => void (stack.at(-1)!.text += text));
  parser.on('cdata', (text) => void (stack.at(-1)!.text += text));
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(xml).close();
  return root.children[0];
}

export const child = (node: XmlNode, name: string) => node.children.find((c) => c.name === name);
export const children = (node: XmlNode, name: string) => node.children.filter((c) => c.name === name);
/** The text of a direct child, or undefined when there is none. */
export const textOf = (node: XmlNode, name: string) => child(node, name)?.text;
