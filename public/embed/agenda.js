// Kom erbij – agenda op je eigen website. Include this script once on the host page:
//   <script src="https://<this site>/embed/agenda.js" defer></script>
// It sets the height of every iframe with the attribute data-kom-erbij to the height of its content.
(function () {
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "komerbij-agenda-hoogte" || typeof data.height !== "number") return;
    var frames = document.querySelectorAll("iframe[data-kom-erbij]");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.min(Math.max(data.height, 150), 5000) + "px";
      }
    }
  });
})();
