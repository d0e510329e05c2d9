package io.coderoom.runner.agent.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A Prometheus text exposition read back into samples, for tests that scrape one. */
public record PrometheusText(List<Sample> samples) {

  /** One line: a metric name, its labels and its value. */
  public record Sample(String name, Map<String, String> labels, double value) {
    public boolean has(Map<String, String> wanted) {
      return labels.entrySet().containsAll(wanted.entrySet());
    }
  }

  public static PrometheusText parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int space = line.lastIndexOf(' ');
      Map<String, String> labels = new LinkedHashMap<>();
      String name;
      if (brace >= 0 && brace < space) {
        name = line.substring(0, brace);
        readLabels(line.substring(brace + 1, line.lastIndexOf('}')), labels);
      } else {
        name = line.substring(0, space);
      }
      samples.add(new Sample(name, labels, Double.parseDouble(line.substring(space + 1))));
    }
    return new PrometheusText(List.copyOf(samples));
  }

  private static void readLabels(String body, Map<String, String> labels) {
    int i = 0;
    while (i < body.length()) {
      int eq = body.indexOf('=', i);
      String key = body.substring(i, eq).strip();
      StringBuilder value = new StringBuilder();
      int j = eq + 2; // past ="
      while (body.charAt(j) != '"') {
        if (body.charAt(j) == '\\') {
          j++;
        }
        value.append(body.charAt(j));
        j++;
      }
      labels.put(key, value.toString());
      i = j + 1;
      if (i < body.length() && body.charAt(i) == ',') {
        i++;
      }
    }
  }

  /** The names of every sample. */
  public Set<String> names() {
    return samples.stream().map(Sample::name).collect(Collectors.toCollection(TreeSet::new));
  }

  /** The sum of the samples of this name whose labels include these. */
  public double sum(String name, Map<String, String> labels) {
    return samples.stream()
        .filter(s -> s.name().equals(name) && s.has(labels))
        .mapToDouble(Sample::value)
        .sum();
  }

  /** Whether a sample of this name with these labels exists. */
  public boolean contains(String name, Map<String, String> labels) {
    return samples.stream().anyMatch(s -> s.name().equals(name) && s.has(labels));
  }
}
