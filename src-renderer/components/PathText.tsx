import { Fragment } from 'react';

/**
 * A path that may wrap only after a separator, never inside a folder or file name: a table
 * column then gets the width of its longest name, not of a single letter.
 */
export function PathText({ path }: { path: string }) {
  const parts = path.split(/(?<=[/\\])/);
  return (
    <>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? <wbr /> : null}
          <span className="path-part">{part}</span>
        </Fragment>
      ))}
    </>
  );
}
