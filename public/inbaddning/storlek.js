// Lägesbild: lets each embedded chart's frame take the chart's own height. Optional: without it the
// frame keeps the height in its code. Listens only to frames from the site that served this file,
// and reads nothing but a number. The messages' names are those of src/client/embed.ts.
(function () {
  var script = document.currentScript;
  var origin = script ? new URL(script.src).origin : null;
  if (!origin || window.lagesbildStorlek) return;
  window.lagesbildStorlek = true;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== origin || !data || data.type !== 'lagesbild:height') return;
    var height = Number(data.height);
    if (!isFinite(height) || height < 50 || height > 5000) return;
    var frames = document.querySelectorAll('iframe[data-lagesbild]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) frames[i].style.height = Math.ceil(height) + 'px';
    }
  });
  // A frame that loaded before this script told no one: ask each again, now and when it loads.
  function ask(frame) {
    if (frame.contentWindow) frame.contentWindow.postMessage({ type: 'lagesbild:ask' }, origin);
  }
  var frames = document.querySelectorAll('iframe[data-lagesbild]');
  for (var i = 0; i < frames.length; i++) {
    ask(frames[i]);
    frames[i].addEventListener('load', ask.bind(null, frames[i]));
  }
})();
