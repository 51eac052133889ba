// One frame of the agents page (served by b.test, loaded by every frame): reports three
// rounds to the parent from a timer and logs each acknowledgement.
// The query is "?name=<name>&delay=<ms>".
const query = {};
for (const pair of location.search.slice(1).split("&")) {
  const [key, value] = pair.split("=");
  query[key] = value;
}
const name = query.name;
const delay = Number(query.delay);
let round = 0;
function report() {
  round += 1;
  parent.postMessage({ from: name, round }, "http://a.test");
  if (round < 3) setTimeout(report, delay);
}
window.addEventListener("message", (event) => {
  console.log(name + " acked " + event.data.ack + " at " + Math.round(performance.now()));
});
setTimeout(report, delay);
