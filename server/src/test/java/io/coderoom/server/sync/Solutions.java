package io.coderoom.server.sync;

import java.util.List;
import java.util.Map;

/**
 * Programs for the end-to-end run tests, per language: a hello world that echoes its first line of
 * input, and a correct solution of the catalogue's two-sum problem (which also prints, to show the
 * candidate's own output still reaches the room).
 */
final class Solutions {
  static final List<String> LANGUAGES =
      List.of("python", "javascript", "typescript", "java", "cpp", "go", "csharp");

  private Solutions() {}

  /** Prints {@code hello <first line of stdin>}. */
  static final Map<String, String> HELLO =
      Map.of(
          "python",
          """
          print("hello " + input())
          """,
          "javascript",
          """
          const line = require("fs").readFileSync(0, "utf8").split("\\n")[0];
          console.log("hello " + line);
          """,
          "typescript",
          """
          import * as fs from "fs";
          const line: string = fs.readFileSync(0, "utf8").split("\\n")[0];
          console.log("hello " + line);
          """,
          "java",
          """
          import java.io.*;

          public class Main {
            public static void main(String[] args) throws IOException {
              BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
              System.out.println("hello " + in.readLine());
            }
          }
          """,
          "cpp",
          """
          #include <iostream>
          #include <string>

          int main() {
            std::string line;
            std::getline(std::cin, line);
            std::cout << "hello " << line << std::endl;
          }
          """,
          "go",
          """
          package main

          import (
          \t"bufio"
          \t"fmt"
          \t"os"
          )

          func main() {
          \tin := bufio.NewScanner(os.Stdin)
          \tin.Scan()
          \tfmt.Println("hello " + in.Text())
          }
          """,
          "csharp",
          """
          using System;

          public class Program {
            public static void Main() {
              Console.WriteLine("hello " + Console.ReadLine());
            }
          }
          """);

  /** A correct two-sum, printing how many numbers it checks. */
  static final Map<String, String> TWO_SUM =
      Map.of(
          "python",
          """
          def twoSum(nums, target):
              print("checking", len(nums))
              seen = {}
              for i, x in enumerate(nums):
                  if target - x in seen:
                      return [seen[target - x], i]
                  seen[x] = i
              return []
          """,
          "javascript",
          """
          function twoSum(nums, target) {
            console.log("checking " + nums.length);
            const seen = new Map();
            for (let i = 0; i < nums.length; i++) {
              if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];
              seen.set(nums[i], i);
            }
            return [];
          }
          """,
          "typescript",
          """
          function twoSum(nums: number[], target: number): number[] {
            console.log(`checking ${nums.length}`);
            const seen = new Map<number, number>();
            for (let i = 0; i < nums.length; i++) {
              const other = seen.get(target - nums[i]);
              if (other !== undefined) return [other, i];
              seen.set(nums[i], i);
            }
            return [];
          }
          """,
          "java",
          """
          import java.util.*;

          class Solution {
            public int[] twoSum(int[] nums, int target) {
              System.out.println("checking " + nums.length);
              Map<Integer, Integer> seen = new HashMap<>();
              for (int i = 0; i < nums.length; i++) {
                Integer other = seen.get(target - nums[i]);
                if (other != null) return new int[] {other, i};
                seen.put(nums[i], i);
              }
              return new int[0];
            }
          }
          """,
          "cpp",
          """
          #include <bits/stdc++.h>
          using namespace std;

          class Solution {
           public:
            vector<int> twoSum(vector<int>& nums, int target) {
              cout << "checking " << nums.size() << endl;
              unordered_map<int, int> seen;
              for (int i = 0; i < (int) nums.size(); i++) {
                auto it = seen.find(target - nums[i]);
                if (it != seen.end()) return {it->second, i};
                seen[nums[i]] = i;
              }
              return {};
            }
          };
          """,
          "go",
          """
          package main

          import "fmt"

          func twoSum(nums []int, target int) []int {
          \tfmt.Printf("checking %d\\n", len(nums))
          \tseen := map[int]int{}
          \tfor i, x := range nums {
          \t\tif j, ok := seen[target-x]; ok {
          \t\t\treturn []int{j, i}
          \t\t}
          \t\tseen[x] = i
          \t}
          \treturn []int{}
          }
          """,
          "csharp",
          """
          using System;
          using System.Collections.Generic;

          public class Solution {
            public int[] TwoSum(int[] nums, int target) {
              Console.WriteLine("checking " + nums.Length);
              var seen = new Dictionary<int, int>();
              for (int i = 0; i < nums.Length; i++) {
                int other;
                if (seen.TryGetValue(target - nums[i], out other)) return new[] { other, i };
                seen[nums[i]] = i;
              }
              return new int[0];
            }
          }
          """);
}
