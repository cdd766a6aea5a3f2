import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { approveActivities, listReviewQueue, mergeDuplicate } from "~/models/activity.server";
import { isRuleError } from "~/models/rule-error";
import { now } from "~/utils/clock.server";
import { requireProgrammeTeam } from "~/utils/session.server";
import { formatDate, formatDateTime } from "~/utils/time";
import { readFormData } from "~/utils/form-data.server";
import { parseIdList } from "~/utils/form-values";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProgrammeTeam(request);
  return {
    pending: listReviewQueue().map((p) => ({
      ...p,
      duplicates: p.duplicates.map((d) => ({ id: d.id, title: d.title })),
      startsAt: p.startsAt.toISOString(),
      submittedAt: p.submittedAt.toISOString(),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireProgrammeTeam(request);
  const form = await readFormData(request);
  // "Samenvoegen": one click refuses the newer of a marked pair as a copy of the older (fixed reason).
  const merge = /^(\d+):(\d+)$/.exec(String(form.get("samenvoegen") ?? ""));
  if (merge) {
    try {
      mergeDuplicate(user, Number(merge[1]), Number(merge[2]), now());
    } catch (error) {
      if (!isRuleError(error)) throw error;
      throw new Response(error.message, { status: error.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    return redirect("/beheer/controle?samengevoegd=1");
  }
  const ids = parseIdList(form.getAll("ids"));
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
      {params.get("samengevoegd") ? (
        <div className="alert success" role="status">
          <p>De dubbele aanmelding is afgewezen. De organisator krijgt een e-mail die naar de andere activiteit verwijst.</p>
        </div>
      ) : null}
      {pending.length === 0 ? (
        <p>Er wachten geen activiteiten op controle.</p>
      ) : (
        <Form method="post">
          <p>
            {pending.length === 1 ? "1 activiteit wacht" : `${pending.length} activiteiten wachten`} op controle, de nieuwste
            eerst: nieuwe activiteiten en wijzigingen van activiteiten die al online staan. Vink aan wat goed is en keur ze in één
            keer goed, of open een activiteit om alles te zien of hem af te wijzen. „Lijkt op” wijst op een mogelijk dubbele
            aanmelding.
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
                  <th scope="col">Ingediend</th>
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
                      {p.kind === "revision" ? (
                        <>
                          {" "}
                          <span className="status">Wijziging</span>
                        </>
                      ) : null}
                      {p.duplicates.length ? (
                        <p className="duplicate-mark">
                          <strong>Lijkt op:</strong>{" "}
                          {p.duplicates.map((d, i) => (
                            <span key={d.id}>
                              {i > 0 ? ", " : ""}
                              <Link to={`/beheer/controle/${d.id}`}>{d.title}</Link> (nr. {d.id})
                            </span>
                          ))}
                        </p>
                      ) : null}
                      {p.mergeInto ? (
                        <button type="submit" name="samenvoegen" value={`${p.id}:${p.mergeInto.id}`} className="secondary">
                          Samenvoegen: dit is een dubbele aanmelding van nr. {p.mergeInto.id}
                          <span className="visually-hidden"> ({p.title})</span>
                        </button>
                      ) : null}
                    </td>
                    <td>{p.organisationName}</td>
                    <td>
                      {formatDate(p.startsAt)}
                      <br />
                      {p.isOnline ? "Online" : `${p.place ?? ""}${p.municipality ? ` (gemeente ${p.municipality})` : ""}`}
                    </td>
                    <td>{formatDateTime(p.submittedAt)}</td>
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
