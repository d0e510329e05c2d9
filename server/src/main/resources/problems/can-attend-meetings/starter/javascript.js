/**
 * @param {number[][]} intervals
 * @return {boolean}
 */
function canAttendMeetings(intervals) {
  // Return whether one person can attend every meeting.
  return false;
}
