// The strings Decap CMS's Vietnamese interface leaves in English (decap-cms-locales lacks them in `vi`),
// added to it before the editor starts. Only missing strings are added: Decap's own translations stay.
/* global CMS */
(function () {
  "use strict";
  var missing = {
    collection: {
      collectionTop: { viewAsList: "Xem dạng danh sách", viewAsGrid: "Xem dạng lưới", groupBy: "Nhóm theo" },
      entries: { unpublishedHeader: "Bài chưa công bố" },
      groups: { other: "Khác", negateLabel: "Không %{label}" }
    },
    editor: {
      editorControl: { field: { widgetLabel: "Trường %{widgetLabel}" } },
      editorControlPane: {
        i18n: {
          writingInLocale: "Đang viết bản %{locale}",
          copyFromLocale: "Chép từ bản ngôn ngữ khác",
          copyFromLocaleConfirm: "Chép nội dung từ bản %{locale}?\nMọi nội dung đang có sẽ bị thay thế."
        }
      },
      editorInterface: {
        toggleI18n: "Bật/tắt song ngữ", togglePreview: "Bật/tắt xem trước",
        toggleScrollSync: "Cuộn đồng thời", toggleNotes: "Bật/tắt ghi chú"
      },
      editorWidgets: {
        markdown: {
          bold: "Đậm", italic: "Nghiêng", strikethrough: "Gạch ngang", code: "Mã", link: "Liên kết",
          linkPrompt: "Nhập địa chỉ của liên kết", headings: "Tiêu đề mục", quote: "Trích dẫn",
          bulletedList: "Danh sách dấu chấm", numberedList: "Danh sách đánh số", addComponent: "Thêm thành phần",
          toggleMode: { rich: "Chuyển sang văn bản định dạng", markdown: "Chuyển sang Markdown" }
        },
        image: {
          chooseMultiple: "Chọn các hình", chooseUrl: "Chèn từ địa chỉ web", replaceUrl: "Thay bằng địa chỉ web",
          promptUrl: "Nhập địa chỉ của hình", addMore: "Thêm hình", removeAll: "Xoá tất cả hình"
        },
        file: {
          chooseMultiple: "Chọn các tập tin", chooseUrl: "Chèn từ địa chỉ web", replaceUrl: "Thay bằng địa chỉ web",
          promptUrl: "Nhập địa chỉ của tập tin", addMore: "Thêm tập tin", removeAll: "Xoá tất cả tập tin"
        },
        datetime: { setToNow: "Đặt %{fieldLabel} là bây giờ" },
        list: { add: "Thêm %{item}", addType: "Thêm %{item}" },
        object: { expand: "Mở ra", collapse: "Thu gọn" }
      }
    },
    mediaLibrary: {
      mediaLibraryCard: { copy: "Chép", copyUrl: "Chép địa chỉ", copyPath: "Chép đường dẫn", copyName: "Chép tên", copied: "Đã chép" },
      mediaLibraryModal: { close: "Đóng" }
    }
  };

  function fill(target, extra) {
    Object.keys(extra).forEach(function (key) {
      if (extra[key] !== null && typeof extra[key] === "object") {
        target[key] = target[key] || {};
        fill(target[key], extra[key]);
      } else if (!(key in target)) {
        target[key] = extra[key];
      }
    });
    return target;
  }

  var vi = CMS.getLocale("vi");
  if (vi) CMS.registerLocale("vi", fill(vi, missing));
})();
