import "./style.css";

// Two pages: the landing page (create a room) and the room. Each loads only its own code.
const room = /^\/rooms\/([A-Za-z0-9_-]+)\/?$/.exec(location.pathname);
const app = document.getElementById("app")!;
if (room) {
  import("./room/room").then(({ openRoom }) => openRoom(app, room[1]));
} else {
  import("./landing").then(({ showLanding }) => showLanding(app));
}
