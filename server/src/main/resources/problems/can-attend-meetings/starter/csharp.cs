using System;
using System.Collections.Generic;

public class Solution {
    public bool CanAttendMeetings(int[][] intervals) {
        // Return whether one person can attend every meeting.
        return false;
    }
}
