#include "chimera/app.hpp"

int main(int argc, char** argv) { return chimera::run(argc, argv); }
