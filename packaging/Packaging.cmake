# Desktop integration and the .deb package (CPack).
include(GNUInstallDirs)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/org.synthscope.Synthscope.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/org.synthscope.Synthscope.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/synthscope-mime.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages RENAME org.synthscope.Synthscope.xml)
install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/synthscope.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME org.synthscope.Synthscope.svg)

set(CPACK_PACKAGE_NAME "synthscope")
set(CPACK_PACKAGE_VENDOR "Synthscope")
set(CPACK_PACKAGE_CONTACT "synthscope@example.invalid")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
# Qt's own strings in Chinese (standard dialogs) and a CJK font for the zh_CN interface.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, fonts-noto-cjk")
include(CPack)
