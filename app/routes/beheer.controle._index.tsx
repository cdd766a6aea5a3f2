import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { approveActivities, listPendingActivities } from "~/models/activity.server";
import { now } from "~/utils/clock.server";
import { requireProgrammeTeam } from "~/utils/session.server";
import { formatDate, formatDateTime } from "~/utils/time";
import { readFormData } from "~/utils/form-data.server";
import { parseIdList } from "~/utils/form-values";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProgrammeTeam(request);
  return {
    pending: listPendingActivities().map((p) => ({
      ...p,
      startsAt: p.startsAt.toISOString(),
      createdAt: p.createdAt.toISOString(),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireProgrammeTeam(request);
  const ids = parseIdList((await readFormData(request)).getAll("ids"));
  const approved = approveActivities(user, ids, now());
  return redirect(`/beheer/controle?goedgekeurd=${approved}`);
}

export const meta: MetaFunction = () => [{ title: "Activiteiten controleren – Programmateam" }];

export default function ModerationQueue() {
  const { pending } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const approved = params.get("goedgekeurd");
  return (
    <>
      <p>
        <Link to="/beheer">Programmateam</Link>
      </p>
      <h1>Activiteiten controleren</h1>
      {approved ? (
        <div className="alert success" role="status">
          <p>{approved === "1" ? "1 activiteit" : `${approved} activiteiten`} goedgekeurd en gepubliceerd.</p>
        </div>
      ) : null}
      {params.get("afgewezen") ? (
        <div className="alert success" role="status">
          <p>De activiteit is afgewezen. De organisator krijgt een e-mail met de reden.</p>
        </div>
      ) : null}
      {pending.length === 0 ? (
        <p>Er wachten geen activiteiten op controle.</p>
      ) : (
        <Form method="post">
          <p>
            {pending.length === 1 ? "1 activiteit wacht" : `${pending.length} activiteiten wachten`} op controle, de nieuwste
            eerst. Vink aan wat goed is en keur ze in één keer goed, of open een activiteit om hem af te wijzen.
          </p>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Activiteiten die wachten op controle</caption>
              <thead>
                <tr>
                  <th scope="col">Kies</th>
                  <th scope="col">Activiteit</th>
                  <th scope="col">Organisatie</th>
                  <th scope="col">Wanneer en waar</th>
                  <th scope="col">Aangemeld</th>
                </tr>
              </thead>
              <tbody>
                {pending.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <input type="checkbox" name="ids" value={p.id} id={`kies-${p.id}`} aria-label={`Kies ${p.title}`} />
                    </td>
                    <td>
                      <Link to={`/beheer/controle/${p.id}`}>{p.title}</Link>
                      <br />
                      <span className="hint">Editie {p.editionYear}</span>
                    </td>
                    <td>{p.organisationName}</td>
                    <td>
                      {formatDate(p.startsAt)}
                      <br />
                      {p.isOnline ? "Online" : `${p.place ?? ""}${p.municipality ? ` (gemeente ${p.municipality})` : ""}`}
                    </td>
                    <td>{formatDateTime(p.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="submit">Gekozen activiteiten goedkeuren</button>
        </Form>
      )}
    </>
  );
}
