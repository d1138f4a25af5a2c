#include "chimera/model/texts.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace chimera::model {
namespace {

TEST(Texts, GivesBackEveryRowInOrder) {
  const std::vector<std::string> rows = {"gemma3:latest", "", "llama3", "gemma3:latest", "",
                                         "a string longer than the small-string buffer"};
  const Texts texts(rows);
  ASSERT_EQ(texts.size(), rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(texts[i], rows[i]) << "row " << i;
  }
  EXPECT_EQ(texts.distinct(), 4u);
}

TEST(Texts, StoresARepeatedStringOnce) {
  Texts::Builder builder;
  for (int i = 0; i < 100000; ++i) {
    builder.push_back(i % 97 == 0 ? "CUDA error: out of memory" : "");
  }
  const Texts texts = builder.finish();
  EXPECT_EQ(texts.distinct(), 2u);
  EXPECT_EQ(texts[0], "CUDA error: out of memory");
  EXPECT_EQ(texts[1], "");
  // Two strings: one bit a row, beside the dictionary.
  EXPECT_LE(texts.memory_bytes(), 100000u / 8 + 64u);
}

TEST(Texts, ThreeStringsTakeTwoBitsARow) {
  Texts::Builder builder;
  const char* names[] = {"llama3", "qwen2.5", "mistral"};
  for (int i = 0; i < 10000; ++i) {
    builder.push_back(names[i % 3]);
  }
  const Texts texts = builder.finish();
  EXPECT_LE(texts.memory_bytes(), 10000u * 2 / 8 + 64u);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    ASSERT_EQ(texts[i], names[i % 3]) << "row " << i;
  }
}

TEST(Texts, ManyDistinctStringsWidenTheCodes) {
  Texts::Builder builder;
  for (int i = 0; i < 70000; ++i) {
    builder.push_back("run-" + std::to_string(i));
  }
  const Texts texts = builder.finish();
  EXPECT_EQ(texts.distinct(), 70000u);
  EXPECT_EQ(texts[0], "run-0");
  EXPECT_EQ(texts[65536], "run-65536");
  EXPECT_EQ(texts[69999], "run-69999");
}

TEST(Texts, FindsRepeatsAmongManyStringsAcrossIndexGrowth) {
  std::vector<std::string> rows;
  for (int pass = 0; pass < 3; ++pass) {
    for (int i = 0; i < 1000; ++i) {
      const int k = pass == 1 ? 999 - i : (i * 7) % 1000;
      rows.push_back(k % 10 == 0 ? "" : "id-" + std::to_string(k));
    }
  }
  Texts::Builder builder;
  for (const auto& row : rows) {
    builder.push_back(row);
  }
  const Texts texts = builder.finish();
  EXPECT_EQ(texts.distinct(), 901u);
  ASSERT_EQ(texts.size(), rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(texts[i], rows[i]) << i;
  }
}

TEST(Texts, TellsApartShortStringsThatShareBytesOnceIndexed) {
  // Past the first 16 strings the builder hashes; strings of up to 7 bytes are then compared by
  // their bytes and length alone, so these must all stay distinct.
  const std::vector<std::string> tricky = {"",         std::string(1, '\0'), std::string(2, '\0'),
                                           "a",        std::string("a\0", 2), "1234567",
                                           "12345678", "123456789", "\xff\xff\xff\xff\xff\xff\xff"};
  Texts::Builder builder;
  for (int i = 0; i < 100; ++i) {
    builder.push_back("run-" + std::to_string(i));
  }
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& text : tricky) {
      builder.push_back(text);
    }
  }
  const Texts texts = builder.finish();
  EXPECT_EQ(texts.distinct(), 100u + tricky.size());
  for (std::size_t i = 0; i < tricky.size(); ++i) {
    EXPECT_EQ(texts[100 + i], tricky[i]) << "string " << i;
    EXPECT_EQ(texts[100 + tricky.size() + i], tricky[i]) << "repeat of string " << i;
  }
}

TEST(Texts, BuilderStartsAfreshAfterFinish) {
  Texts::Builder builder;
  builder.push_back("a");
  const Texts first = builder.finish();
  builder.push_back("b");
  const Texts second = builder.finish();
  EXPECT_EQ(first, (Texts{"a"}));
  EXPECT_EQ(second, (Texts{"b"}));
  EXPECT_EQ(builder.finish().size(), 0u);
}

TEST(Texts, EmptyColumn) {
  const Texts texts;
  EXPECT_TRUE(texts.empty());
  EXPECT_EQ(texts.begin(), texts.end());
  EXPECT_EQ(texts.distinct(), 0u);
}

TEST(Texts, ColumnOfEmptyStringsHoldsNoDictionary) {
  Texts::Builder builder;
  for (int i = 0; i < 1000; ++i) {
    builder.push_back("");
  }
  const Texts texts = builder.finish();
  EXPECT_EQ(texts.memory_bytes(), 0u);
  EXPECT_EQ(texts.distinct(), 1u);
  EXPECT_EQ(texts[999], "");
}

TEST(Texts, CopiesOwnTheirStrings) {
  auto original = std::make_unique<Texts>(Texts{"gemma3:latest", "", "llama3:8b"});
  const Texts copy = *original;
  Texts assigned;
  assigned = *original;
  original.reset();
  EXPECT_EQ(copy, (Texts{"gemma3:latest", "", "llama3:8b"}));
  EXPECT_EQ(assigned, copy);
  EXPECT_EQ(copy.distinct(), 3u);
}

TEST(Texts, ColumnOfEmptyStringsIsJustItsRowCountThroughCopiesAndMoves) {
  Texts::Builder builder;
  for (int i = 0; i < 70000; ++i) {
    builder.push_back("");
  }
  Texts blank = builder.finish();
  const Texts copy = blank;
  Texts moved = std::move(blank);
  EXPECT_TRUE(blank.empty());  // NOLINT(bugprone-use-after-move): moved-from is documented empty
  for (const Texts* texts : std::initializer_list<const Texts*>{&copy, &moved}) {
    EXPECT_EQ(texts->size(), 70000u);
    EXPECT_EQ(texts->memory_bytes(), 0u);
    EXPECT_EQ((*texts)[69999], "");
  }
}

TEST(Texts, MovesHandOverTheStringsAndLeaveTheSourceEmpty) {
  Texts source{"gemma3:latest", "", "llama3:8b"};
  Texts target{"old", "rows"};
  target = std::move(source);
  EXPECT_EQ(target, (Texts{"gemma3:latest", "", "llama3:8b"}));
  EXPECT_TRUE(source.empty());  // NOLINT(bugprone-use-after-move)
  Texts constructed(std::move(target));
  EXPECT_EQ(constructed[2], "llama3:8b");
  EXPECT_TRUE(target.empty());  // NOLINT(bugprone-use-after-move)
  auto& self = constructed;
  constructed = self;
  EXPECT_EQ(constructed.size(), 3u);
}

TEST(Texts, IteratesAndCompares) {
  const Texts texts{"x", "y", "x"};
  const std::vector<std::string_view> seen(texts.begin(), texts.end());
  EXPECT_EQ(seen, (std::vector<std::string_view>{"x", "y", "x"}));
  EXPECT_EQ(texts, (std::vector<std::string>{"x", "y", "x"}));
  EXPECT_NE(texts, (Texts{"x", "y"}));
  EXPECT_NE(texts, (Texts{"x", "y", "y"}));
}

}  // namespace
}  // namespace chimera::model
