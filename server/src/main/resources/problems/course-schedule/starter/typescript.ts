function canFinish(numCourses: number, prerequisites: number[][]): boolean {
  // Return true if every course can be completed in some order.
  return false;
}
