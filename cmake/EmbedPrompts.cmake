# Compiles the persona prompts in prompts/ into the binary, so chimera runs from any directory and
# after `cmake --install`. Each prompts/NAME.md becomes an entry of chimera::prompt::builtin_prompts().
function(chimera_embed_prompts out_var prompts_dir)
  file(GLOB prompt_files CONFIGURE_DEPENDS ${prompts_dir}/*.md)
  set(generated ${CMAKE_CURRENT_BINARY_DIR}/generated/builtin_prompts.cpp)
  add_custom_command(
    OUTPUT ${generated}
    COMMAND ${CMAKE_COMMAND} -DOUT=${generated} -DPROMPTS_DIR=${prompts_dir}
            -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/GeneratePrompts.cmake
    DEPENDS ${prompt_files} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/GeneratePrompts.cmake
    COMMENT "Embedding persona prompts"
    VERBATIM)
  set(${out_var} ${generated} PARENT_SCOPE)
endfunction()
