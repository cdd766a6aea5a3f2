import type { ReactNode } from "react";
import type { KitItem } from "~/models/kit-order";

/**
 * The facts of a Kom Erbij-pakket order as a description list: the same markup for the organiser's
 * summary before ordering, their order page and the programme team's order page. `children` adds
 * facts in front (activity, who ordered, when).
 */
export function KitOrderDetails({
  address,
  expectedParticipants,
  remarks,
  contents,
  children,
}: {
  address: string[];
  expectedParticipants: string | number;
  remarks?: string | null;
  contents?: KitItem[];
  children?: ReactNode;
}) {
  return (
    <dl>
      {children}
      <dt>Bezorgadres</dt>
      <dd>
        {address.map((line, i) => (
          <span key={i}>
            {line}
            <br />
          </span>
        ))}
      </dd>
      <dt>Verwacht aantal deelnemers</dt>
      <dd>{expectedParticipants}</dd>
      {remarks ? (
        <>
          <dt>Opmerkingen</dt>
          <dd>{remarks}</dd>
        </>
      ) : null}
      {contents ? (
        <>
          <dt>In het pakket</dt>
          <dd>
            <ul>
              {contents.map((c) => (
                <li key={c.item}>
                  {c.quantity} × {c.item}
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
    </dl>
  );
}
