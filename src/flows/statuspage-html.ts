/**
 * The status page's HtmlService templates (the bundle carries no HTML files, so they are sources
 * given to HtmlService.createTemplate). Every value is printed with <?= ?>, which HtmlService
 * escapes; the only raw output (<?!= ?>) is the result fragment, itself made by a template with
 * <?= ?>. All text comes from the message catalogue through the `txt` field.
 *
 * The page talks to the server with google.script.run (Google's documented way for an HtmlService
 * page: no page reload and nothing in the address): lookupStatus(form) and fileComplaint(form)
 * return a fragment that the page shows.
 */

export const PAGE_TEMPLATE = `<!DOCTYPE html>
<html lang="<?= lang ?>">
<head>
<base target="_top">
<meta charset="utf-8">
<style>
  * { box-sizing: border-box; }
  body { margin: 0; font-family: Roboto, Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.45; color: #1f2933; background: #f2f5f8; }
  header { background: #0b4f8a; color: #fff; padding: 14px 16px; }
  header .gov { font-size: 13px; opacity: .9; }
  header h1 { font-size: 20px; margin: 2px 0 0; }
  main { padding: 12px; max-width: 560px; margin: 0 auto; }
  section { background: #fff; border: 1px solid #d9e2ec; border-radius: 8px; padding: 14px; margin-bottom: 12px; }
  h2 { font-size: 17px; margin: 0 0 8px; color: #0b4f8a; }
  label { display: block; font-weight: 600; margin: 10px 0 4px; }
  input, textarea { width: 100%; font-size: 16px; padding: 10px; border: 1px solid #9fb3c8; border-radius: 6px; }
  textarea { min-height: 110px; }
  button { margin-top: 12px; width: 100%; font-size: 16px; padding: 12px; border: 0; border-radius: 6px; background: #0b4f8a; color: #fff; font-weight: 600; }
  button[disabled] { background: #829ab1; }
  .hint { font-size: 13px; color: #52606d; margin: 4px 0 0; }
  .result:empty { display: none; }
  .ok { border-left: 5px solid #2f8132; }
  .fail { border-left: 5px solid #c53030; }
  .status { font-size: 20px; font-weight: 700; margin: 0; }
  .late { color: #c53030; font-weight: 600; }
  dl { margin: 8px 0 0; }
  dt { font-size: 13px; color: #52606d; margin-top: 8px; }
  dd { margin: 0; }
  ol.history { padding-left: 20px; margin: 6px 0 0; }
  ol.history li { margin: 4px 0; }
  ol.history .at { display: block; font-size: 13px; color: #52606d; }
  footer { font-size: 13px; color: #52606d; padding: 4px 16px 20px; max-width: 560px; margin: 0 auto; }
</style>
</head>
<body>
<header>
  <div class="gov"><?= office ?></div>
  <h1><?= txt.title ?></h1>
</header>
<main>
  <section>
    <h2><?= txt.lookupHeading ?></h2>
    <p class="hint"><?= txt.lookupHint ?></p>
    <form id="lookup" autocomplete="off" data-busy="<?= txt.busy ?>" data-failed="<?= txt.failed ?>">
      <label for="ticket"><?= txt.ticketLabel ?></label>
      <input id="ticket" name="ticket" inputmode="text" autocapitalize="characters" placeholder="SRL-2611-0007" required maxlength="40">
      <label for="code"><?= txt.codeLabel ?></label>
      <input id="code" name="code" autocapitalize="characters" placeholder="XXXX-XXXX-XXXX" required maxlength="40">
      <button type="submit"><?= txt.lookupButton ?></button>
    </form>
  </section>
  <div id="lookup-result" class="result" aria-live="polite"></div>
  <section>
    <h2><?= txt.complaintHeading ?></h2>
    <p class="hint"><?= txt.complaintHint ?></p>
    <form id="complaint" autocomplete="off" data-busy="<?= txt.busy ?>" data-failed="<?= txt.failed ?>">
      <label for="c-name"><?= txt.nameLabel ?></label>
      <input id="c-name" name="name" required maxlength="100">
      <label for="c-email"><?= txt.emailLabel ?></label>
      <input id="c-email" name="email" type="email" required maxlength="200">
      <label for="c-ticket"><?= txt.complaintTicketLabel ?></label>
      <input id="c-ticket" name="ticket" maxlength="40">
      <label for="c-text"><?= txt.textLabel ?></label>
      <textarea id="c-text" name="text" required maxlength="2000"></textarea>
      <button type="submit"><?= txt.complaintButton ?></button>
    </form>
  </section>
  <div id="complaint-result" class="result" aria-live="polite"></div>
</main>
<footer><?= txt.privacy ?></footer>
<script>
  function wire(formId, resultId, serverFunction) {
    var form = document.getElementById(formId);
    var result = document.getElementById(resultId);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button");
      button.disabled = true;
      result.innerHTML = "";
      result.textContent = form.getAttribute("data-busy");
      google.script.run
        .withSuccessHandler(function (reply) {
          button.disabled = false;
          result.innerHTML = reply && reply.html ? reply.html : "";
          if (reply && reply.ok && formId === "complaint") form.reset();
          result.scrollIntoView();
        })
        .withFailureHandler(function () {
          button.disabled = false;
          result.textContent = form.getAttribute("data-failed");
        })[serverFunction](form);
    });
  }
  wire("lookup", "lookup-result", "lookupStatus");
  wire("complaint", "complaint-result", "fileComplaint");
</script>
</body>
</html>
`;

/** The answer to a successful lookup. */
export const STATUS_TEMPLATE = `<section class="ok" id="status">
  <p><?= txt.hello ?></p>
  <p class="status"><?= view.statusLabel ?></p>
  <dl>
    <dt><?= txt.ticket ?></dt><dd><?= view.ticket ?></dd>
    <? if (view.stageLabel) { ?><dt><?= txt.stage ?></dt><dd><?= view.stageLabel ?></dd><? } ?>
    <dt><?= txt.next ?></dt><dd><?= view.next ?></dd>
    <? if (txt.archived) { ?><dt></dt><dd><?= txt.archived ?></dd><? } ?>
    <? if (view.expected) { ?><dt><?= txt.expected ?></dt><dd><?= view.expected ?><? if (view.late) { ?> <span class="late"><?= txt.late ?></span><? } ?></dd><? } ?>
  </dl>
  <h2 style="margin-top:14px"><?= txt.history ?></h2>
  <ol class="history">
  <? for (var i = 0; i < view.history.length; i++) { ?>
    <li><?= view.history[i].label ?><span class="at"><?= view.history[i].at ?></span></li>
  <? } ?>
  </ol>
</section>`;

/** Any other answer: a heading and lines (a refusal, problems to fix, a complaint's number). */
export const MESSAGE_TEMPLATE = `<section class="<?= kind ?>">
  <h2><?= heading ?></h2>
  <? for (var i = 0; i < lines.length; i++) { ?><p><?= lines[i] ?></p><? } ?>
</section>`;
