#include "chimera/model/symbol.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace chimera::model {
namespace {

TEST(Symbol, SameTextIsStoredOnce) {
  const std::string built = std::string("TTFT") + " (ms)";
  const Symbol a("TTFT (ms)");
  const Symbol b(built);
  EXPECT_EQ(&a.str(), &b.str());
  EXPECT_NE(&a.str(), &Symbol("TTFT (s)").str());
}

TEST(Symbol, DefaultIsTheEmptyString) {
  const Symbol empty;
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(empty.size(), 0u);
  EXPECT_EQ(&empty.str(), &Symbol("").str());
  EXPECT_STREQ(empty.c_str(), "");
}

TEST(Symbol, ComparesByContentWithEveryStringType) {
  const Symbol name("tokens_s");
  EXPECT_EQ(name, "tokens_s");
  EXPECT_EQ(name, std::string("tokens_s"));
  EXPECT_EQ(name, std::string_view("tokens_s"));
  EXPECT_EQ(name, Symbol("tokens_s"));
  EXPECT_NE(name, "tokens");
  EXPECT_LT(Symbol("a"), Symbol("b"));
  EXPECT_GT(Symbol("b"), "a");
  // Interned in the opposite order from the alphabet: order is by text, never by address.
  const Symbol later_z("zz-symbol-test"), later_a("aa-symbol-test");
  std::vector<Symbol> sorted = {later_z, later_a};
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted.front(), "aa-symbol-test");
}

TEST(Symbol, ConcatenatesAndPrintsLikeAString) {
  const Symbol file("runs/a.csv");
  EXPECT_EQ(file + ":" + "12", "runs/a.csv:12");
  EXPECT_EQ(std::string("in ") + file, "in runs/a.csv");
  EXPECT_EQ(file + '#' + Symbol("/runs"), "runs/a.csv#/runs");
  std::ostringstream out;
  out << file;
  EXPECT_EQ(out.str(), "runs/a.csv");
  const std::string& as_string = file;
  EXPECT_EQ(as_string, "runs/a.csv");
  EXPECT_EQ(std::hash<Symbol>{}(file), std::hash<std::string_view>{}("runs/a.csv"));
}

TEST(Symbol, IsFourBytes) {
  // A Column holds four Symbols and a corpus can hold millions of columns.
  EXPECT_EQ(sizeof(Symbol), 4u);
}

TEST(Symbol, ManyDistinctNamesSpanSeveralChunksOfIds) {
  std::vector<Symbol> symbols;
  for (int i = 0; i < 40000; ++i) {
    symbols.emplace_back("chunk-spanning-name-" + std::to_string(i));
  }
  for (int i = 0; i < 40000; i += 997) {
    EXPECT_EQ(symbols[static_cast<std::size_t>(i)], "chunk-spanning-name-" + std::to_string(i));
    EXPECT_EQ(&symbols[static_cast<std::size_t>(i)].str(),
              &Symbol("chunk-spanning-name-" + std::to_string(i)).str());
  }
}

TEST(Symbol, ThreadsInterningTheSameNamesAgree) {
  constexpr int k_names = 2000;
  std::vector<std::vector<const std::string*>> seen(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < seen.size(); ++t) {
    threads.emplace_back([&seen, t] {
      for (int i = 0; i < k_names; ++i) {
        seen[t].push_back(&Symbol("thread-name-" + std::to_string(i)).str());
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  for (std::size_t t = 1; t < seen.size(); ++t) {
    EXPECT_EQ(seen[t], seen[0]);
  }
  EXPECT_EQ(std::set<const std::string*>(seen[0].begin(), seen[0].end()).size(),
            static_cast<std::size_t>(k_names));
}

}  // namespace
}  // namespace chimera::model
