package netforge.processor.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds where fields are declared in Java source text, without a compiler: the 1-based line of the first token
 * (annotation, modifier or type) of the declaration of each field declared directly in one type, which is the line
 * javac's tree API gives. It reads tokens, skipping comments, string and character literals and text blocks, and
 * follows brackets, so a name in a comment, a string, a method body, an initializer or a nested class is not taken
 * for the field.
 */
final class FieldLocator {
  private FieldLocator() {}

  private enum Kind { NAME, SYMBOL, LITERAL }

  private record Token(Kind kind, String text, int start) {
    boolean is(String symbol) {
      return kind == Kind.SYMBOL && text.equals(symbol);
    }
  }

  /** An open bracket; {@code type} names the type whose body a {@code {} opens, or is {@code null}. */
  private record Open(char bracket, String type) {}

  /**
   * The line of each field declared directly in the type at {@code typePath} (outermost type first, e.g.
   * {@code [Outer, Net]}) in {@code text}; a field not found is missing from the map.
   */
  static Map<String, Integer> fieldLines(CharSequence text, List<String> typePath) {
    List<Token> tokens = tokens(text);
    int[] lineStarts = lineStarts(text);
    Map<String, Integer> lines = new HashMap<>();
    Deque<Open> open = new ArrayDeque<>();
    String pendingType = null; // "class Net" seen: the next '{' at this depth opens Net's body
    int pendingDepth = -1;
    int declarationStart = -1; // the first token of the member being read in the target body
    boolean initializer = false; // past a '=' of that member
    int angles = 0; // open '<' of a generic type in that member
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      boolean inTarget = isTarget(open, typePath);
      if (inTarget && declarationStart < 0) {
        declarationStart = token.start();
      }
      if (token.kind() == Kind.NAME) {
        if (isTypeKeyword(token.text()) && i + 1 < tokens.size() && tokens.get(i + 1).kind() == Kind.NAME
            && !(i > 0 && tokens.get(i - 1).is("."))) {
          pendingType = tokens.get(i + 1).text();
          pendingDepth = open.size();
        } else if (inTarget && !initializer && angles == 0 && !(i > 0 && tokens.get(i - 1).is("."))
            && i > 0 && i + 1 < tokens.size() && endsDeclarator(tokens.get(i + 1))) {
          lines.putIfAbsent(token.text(), lineOf(lineStarts, declarationStart));
        }
        continue;
      }
      if (token.kind() != Kind.SYMBOL) {
        continue;
      }
      switch (token.text()) {
        case "{", "(", "[" -> {
          String type = null;
          if (token.is("{") && pendingType != null && pendingDepth == open.size()) {
            type = pendingType;
            pendingType = null;
          }
          open.push(new Open(token.text().charAt(0), type));
          if (isTarget(open, typePath)) {
            declarationStart = -1; // the body opens: its first member starts at the next token
            initializer = false;
            angles = 0;
          }
        }
        case "}", ")", "]" -> {
          if (!open.isEmpty()) {
            open.pop();
          }
          if (token.is("}") && isTarget(open, typePath)) {
            declarationStart = -1; // a method body, an initializer block or a nested type ended a member
            initializer = false;
            angles = 0;
          }
        }
        case ";" -> {
          if (pendingDepth == open.size()) {
            pendingType = null;
          }
          if (inTarget) {
            declarationStart = -1;
            initializer = false;
            angles = 0;
          }
        }
        case "=" -> initializer |= inTarget;
        case "," -> initializer &= !(inTarget && angles == 0); // the next declarator of "Layer a = x, b;"
        case "<" -> angles += inTarget && !initializer ? 1 : 0;
        case ">" -> angles -= inTarget && !initializer && angles > 0 ? 1 : 0;
        default -> { }
      }
    }
    return lines;
  }

  /** Whether the innermost open bracket is the body of the type at {@code typePath}, all of it type bodies. */
  private static boolean isTarget(Deque<Open> open, List<String> typePath) {
    if (open.size() != typePath.size()) {
      return false;
    }
    int i = typePath.size() - 1;
    for (Open bracket : open) { // innermost first
      if (bracket.bracket() != '{' || !typePath.get(i).equals(bracket.type())) {
        return false;
      }
      i--;
    }
    return true;
  }

  private static boolean isTypeKeyword(String name) {
    return name.equals("class") || name.equals("interface") || name.equals("enum") || name.equals("record");
  }

  /** What follows a field's name: the end of the declaration, its initializer, or the next declarator. */
  private static boolean endsDeclarator(Token next) {
    return next.is(";") || next.is("=") || next.is(",");
  }

  private static int lineOf(int[] lineStarts, int offset) {
    int low = 0;
    int high = lineStarts.length - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (lineStarts[mid] <= offset) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low + 1;
  }

  /** Where each line starts; {@code \n}, {@code \r\n} and a lone {@code \r} end a line, as in javac. */
  private static int[] lineStarts(CharSequence text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static List<Token> tokens(CharSequence text) {
    List<Token> tokens = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      int start = i;
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
        while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = indexOf(text, "*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '"' && i + 2 < n && text.charAt(i + 1) == '"' && text.charAt(i + 2) == '"') {
        i = skipQuoted(text, i + 3, "\"\"\"");
        tokens.add(new Token(Kind.LITERAL, "", start));
      } else if (c == '"' || c == '\'') {
        i = skipQuoted(text, i + 1, String.valueOf(c));
        tokens.add(new Token(Kind.LITERAL, "", start));
      } else if (Character.isJavaIdentifierStart(c)) {
        while (i < n && Character.isJavaIdentifierPart(text.charAt(i))) {
          i++;
        }
        tokens.add(new Token(Kind.NAME, text.subSequence(start, i).toString(), start));
      } else if (Character.isDigit(c)) {
        while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
            || text.charAt(i) == '.')) {
          i++;
        }
        tokens.add(new Token(Kind.LITERAL, "", start));
      } else {
        i++;
        tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), start));
      }
    }
    return tokens;
  }

  /** The index just past {@code close}, skipping backslash escapes; the end of a string that is not closed. */
  private static int skipQuoted(CharSequence text, int from, String close) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (regionMatches(text, i, close)) {
        return i + close.length();
      } else if (close.length() == 1 && (c == '\n' || c == '\r')) {
        return i; // an unclosed literal ends at its line, as the compiler's error does
      } else {
        i++;
      }
    }
    return text.length();
  }

  private static int indexOf(CharSequence text, String what, int from) {
    for (int i = from; i + what.length() <= text.length(); i++) {
      if (regionMatches(text, i, what)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean regionMatches(CharSequence text, int at, String what) {
    if (at + what.length() > text.length()) {
      return false;
    }
    for (int k = 0; k < what.length(); k++) {
      if (text.charAt(at + k) != what.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
