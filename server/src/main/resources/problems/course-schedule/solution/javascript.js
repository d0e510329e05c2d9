/**
 * @param {number} numCourses
 * @param {number[][]} prerequisites
 * @return {boolean}
 */
function canFinish(numCourses, prerequisites) {
  const unlocks = Array.from({ length: numCourses }, () => []);
  const waiting = new Int32Array(numCourses);
  for (const [course, before] of prerequisites) {
    unlocks[before].push(course);
    waiting[course]++;
  }
  const ready = [];
  for (let c = 0; c < numCourses; c++) if (waiting[c] === 0) ready.push(c);
  let taken = 0;
  for (let head = 0; head < ready.length; head++) {
    taken++;
    for (const after of unlocks[ready[head]]) {
      if (--waiting[after] === 0) ready.push(after);
    }
  }
  return taken === numCourses;
}
