import Markdown from 'react-markdown';

/**
 * Release notes are the vendor's markdown. Rendered without raw HTML (react-markdown drops it
 * unless told otherwise) and with its default URL filter, so notes can never inject markup,
 * script or javascript: links into the portal.
 */
export function ReleaseNotes({ markdown }: { markdown: string }) {
  return (
    <div className="release-notes text-sm text-slate-800">
      <Markdown skipHtml components={{ a: ({ node: _node, ...props }) => <a {...props} rel="noreferrer noopener" /> }}>
        {markdown}
      </Markdown>
    </div>
  );
}
